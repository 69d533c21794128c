@NullMarked
package com.cti.admin.dialpad;

import org.jspecify.annotations.NullMarked;
