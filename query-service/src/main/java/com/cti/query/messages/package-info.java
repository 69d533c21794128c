@NullMarked
package com.cti.query.messages;

import org.jspecify.annotations.NullMarked;
