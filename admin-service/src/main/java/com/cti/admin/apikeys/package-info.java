@NullMarked
package com.cti.admin.apikeys;

import org.jspecify.annotations.NullMarked;
