@NullMarked
package com.cti.admin.events;

import org.jspecify.annotations.NullMarked;
