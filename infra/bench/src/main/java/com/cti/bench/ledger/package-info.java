/**
 * The per-run ledger: every event that got a 2xx must be found once in the projections or
 * dead-letter records.
 */
@NullMarked
package com.cti.bench.ledger;

import org.jspecify.annotations.NullMarked;
