@NullMarked
package com.cti.query.calls;

import org.jspecify.annotations.NullMarked;
