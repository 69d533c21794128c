/**
 * The pieces of the services' API fuzzers (jqwik properties): the operations to call,
 * generators of valid and hostile values, requests and bodies, and the checks that every
 * response must pass.
 */
@NullMarked
package com.cti.platform.fuzz;

import org.jspecify.annotations.NullMarked;
