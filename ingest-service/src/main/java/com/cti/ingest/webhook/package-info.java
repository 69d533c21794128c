@NullMarked
package com.cti.ingest.webhook;

import org.jspecify.annotations.NullMarked;
