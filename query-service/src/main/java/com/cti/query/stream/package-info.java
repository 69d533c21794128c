@NullMarked
package com.cti.query.stream;

import org.jspecify.annotations.NullMarked;
