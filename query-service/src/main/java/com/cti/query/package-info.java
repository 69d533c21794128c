/**
 * The query service: the client API, scoped by per-app API key.
 */
@NullMarked
package com.cti.query;

import org.jspecify.annotations.NullMarked;
