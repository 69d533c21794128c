/**
 * The admin service: provisions apps, keys, Dialpad webhooks and subscriptions behind
 * {@code /internal}.
 */
@NullMarked
package com.cti.admin;

import org.jspecify.annotations.NullMarked;
