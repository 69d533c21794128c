@NullMarked
package com.cti.admin.apps;

import org.jspecify.annotations.NullMarked;
