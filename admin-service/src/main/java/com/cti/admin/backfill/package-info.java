@NullMarked
package com.cti.admin.backfill;

import org.jspecify.annotations.NullMarked;
