@NullMarked
package com.cti.admin.leases;

import org.jspecify.annotations.NullMarked;
