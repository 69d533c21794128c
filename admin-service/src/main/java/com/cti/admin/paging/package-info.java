/**
 * What every paged list under {@code /internal} shares: the bound of its {@code limit}.
 */
@NullMarked
package com.cti.admin.paging;

import org.jspecify.annotations.NullMarked;
