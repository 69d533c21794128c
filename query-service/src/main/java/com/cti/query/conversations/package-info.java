@NullMarked
package com.cti.query.conversations;

import org.jspecify.annotations.NullMarked;
