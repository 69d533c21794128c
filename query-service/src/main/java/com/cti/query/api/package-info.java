/**
 * What every endpoint of the client API shares: paging with opaque keyset cursors, the
 * value types, constraints and binding of request records (unknown parameters are
 * refused), RFC 9457 errors and the OpenAPI description.
 */
@NullMarked
package com.cti.query.api;

import org.jspecify.annotations.NullMarked;
