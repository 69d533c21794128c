@NullMarked
package com.cti.admin.webhooks;

import org.jspecify.annotations.NullMarked;
