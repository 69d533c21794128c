package com.cti.bench.system;

import java.util.UUID;

/**
 * An app created through the admin service, with its API key.
 *
 * @param id the app id (the path segment of its webhook URL)
 * @param apiKey the key for {@code x-app-api-key}
 */
public record AppCredentials(UUID id, String apiKey) {
}
