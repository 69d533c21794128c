package com.cti.admin.dialpad;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What Dialpad's token endpoint answers. Never printed.
 *
 * @param accessToken the access token
 * @param tokenType normally {@code bearer}
 * @param expiresIn seconds until the access token expires, when Dialpad says
 * @param refreshToken the refresh token (it changes with every refresh)
 * @param scope the granted scopes, when Dialpad says
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DialpadTokens(@Nullable String accessToken, @Nullable String tokenType, @Nullable Long expiresIn,
		@Nullable String refreshToken, @Nullable String scope) {

	@Override
	public String toString() {
		return "DialpadTokens[tokenType=" + this.tokenType + ", expiresIn=" + this.expiresIn + ", scope=" + this.scope
				+ "]";
	}

}
