@NullMarked
package com.cti.admin.oauth;

import org.jspecify.annotations.NullMarked;
