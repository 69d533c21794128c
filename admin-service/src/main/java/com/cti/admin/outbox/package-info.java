@NullMarked
package com.cti.admin.outbox;

import org.jspecify.annotations.NullMarked;
