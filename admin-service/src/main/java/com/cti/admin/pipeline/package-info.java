@NullMarked
package com.cti.admin.pipeline;

import org.jspecify.annotations.NullMarked;
