@NullMarked
package com.cti.admin.crypto;

import org.jspecify.annotations.NullMarked;
