package com.cti.bench.system;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Progress lines on the console, each with the time of day.
 */
public final class Log {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private Log() {
	}

	public static void info(String format, Object... args) {
		System.out.println(TIME.format(LocalTime.now()) + "  " + String.format(format, args));
		System.out.flush();
	}

}
