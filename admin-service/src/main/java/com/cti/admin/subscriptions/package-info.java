@NullMarked
package com.cti.admin.subscriptions;

import org.jspecify.annotations.NullMarked;
