/**
 * Purging an app's data on the admin service's command: every row of the app in every
 * table the processor owns, in one transaction.
 */
@NullMarked
package com.cti.processor.purge;

import org.jspecify.annotations.NullMarked;
