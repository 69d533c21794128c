package com.cti.query.ratelimit;

/**
 * The outcome of taking one request from a token bucket, with what the
 * {@code RateLimit-*} and {@code Retry-After} headers report.
 *
 * @param allowed whether the request may go on
 * @param limit the bucket's capacity
 * @param remaining requests left right now
 * @param resetSeconds seconds until the bucket is full again
 * @param retryAfterSeconds when refused, seconds until a request may succeed
 */
public record Throttle(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
