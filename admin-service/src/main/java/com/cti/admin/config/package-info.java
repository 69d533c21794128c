@NullMarked
package com.cti.admin.config;

import org.jspecify.annotations.NullMarked;
