/**
 * Each service's own schema: it migrates its own Flyway folder into its own history table
 * (upgrading a database of the shared scripts of before), and waits at start-up for the
 * tables of the owners it reads.
 */
@NullMarked
package com.cti.platform.schema;

import org.jspecify.annotations.NullMarked;
