@NullMarked
package com.cti.processor.calls;

import org.jspecify.annotations.NullMarked;
