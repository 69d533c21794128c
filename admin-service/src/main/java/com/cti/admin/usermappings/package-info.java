@NullMarked
package com.cti.admin.usermappings;

import org.jspecify.annotations.NullMarked;
