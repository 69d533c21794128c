@NullMarked
package com.cti.processor.events;

import org.jspecify.annotations.NullMarked;
