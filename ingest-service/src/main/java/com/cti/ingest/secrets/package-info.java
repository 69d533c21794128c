/**
 * Per-app webhook secrets, read from the compacted secrets topic into memory so that
 * verification never needs the database.
 */
@NullMarked
package com.cti.ingest.secrets;

import org.jspecify.annotations.NullMarked;
