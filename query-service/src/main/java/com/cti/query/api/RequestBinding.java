package com.cti.query.api;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.util.NumberUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * How the client API binds request records and path ids: from query parameters only
 * (Spring would also bind request headers of the same names, which neither the
 * known-parameters check nor the API description covers), and with the parsers of the
 * API's value types. A text that does not parse is a type mismatch, answered as a 400
 * naming the parameter.
 * <p>
 * The parsers are the binder's editors rather than converters of the conversion service
 * so that every text answers as it did when the parameters were strings: several values
 * of one parameter arrive joined by commas (a bad value), and a blank text is parsed (a
 * bad value) where the conversion service's fallback would take it for absent. Only an
 * empty text is absent. {@code limit} takes the first of several values, as an
 * {@code int} parameter did.
 */
@ControllerAdvice(basePackages = "com.cti.query")
class RequestBinding {

	@InitBinder
	void bindRequestRecords(WebDataBinder binder) {
		if (binder instanceof ExtendedServletRequestDataBinder servletBinder) {
			servletBinder.setHeaderPredicate((header) -> false);
		}
		binder.registerCustomEditor(Instant.class, new Parsing(TimeRange::parse));
		binder.registerCustomEditor(Direction.class, new Parsing(Direction::parse));
		binder.registerCustomEditor(PhoneNumber.class, new Parsing(PhoneNumber::parse));
		binder.registerCustomEditor(ResourceId.class, new Parsing(ResourceId::parse));
		binder.registerCustomEditor(Integer.class, new Parsing((text) -> NumberUtils.parseNumber(text, Integer.class)) {

			@Override
			public void setValue(Object value) {
				super.setValue((value instanceof String[] values && values.length > 0) ? parse(values[0]) : value);
			}

		});
	}

	/**
	 * Parses every text but an empty one (an absent parameter); a bad one throws
	 * {@link IllegalArgumentException}.
	 */
	private static class Parsing extends PropertyEditorSupport {

		private final Function<String, ?> parser;

		Parsing(Function<String, ?> parser) {
			this.parser = parser;
		}

		@Override
		public void setAsText(String text) {
			setValue(parse(text));
		}

		Object parse(String text) {
			try {
				return text.isEmpty() ? null : this.parser.apply(text);
			}
			catch (RuntimeException ex) {
				// what the binder takes for a value of the wrong type
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
		}

	}

}
