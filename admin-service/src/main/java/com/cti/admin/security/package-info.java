@NullMarked
package com.cti.admin.security;

import org.jspecify.annotations.NullMarked;
