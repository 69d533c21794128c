@NullMarked
package com.cti.query.apikeys;

import org.jspecify.annotations.NullMarked;
