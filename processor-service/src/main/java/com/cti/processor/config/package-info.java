@NullMarked
package com.cti.processor.config;

import org.jspecify.annotations.NullMarked;
