/**
 * What every endpoint of the client API shares: paging with opaque keyset cursors,
 * parameter parsing and checking (unknown parameters are refused), RFC 9457 errors, the
 * statement timeout and the OpenAPI description.
 */
@NullMarked
package com.cti.query.api;

import org.jspecify.annotations.NullMarked;
