@NullMarked
package com.cti.ingest.config;

import org.jspecify.annotations.NullMarked;
