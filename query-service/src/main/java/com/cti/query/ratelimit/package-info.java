@NullMarked
package com.cti.query.ratelimit;

import org.jspecify.annotations.NullMarked;
