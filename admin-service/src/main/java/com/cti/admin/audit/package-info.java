@NullMarked
package com.cti.admin.audit;

import org.jspecify.annotations.NullMarked;
