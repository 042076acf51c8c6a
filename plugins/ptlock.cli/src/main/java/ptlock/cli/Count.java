package ptlock.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A non-negative number option (--heap, --timeout, --workers, --runs...): a negative one is a usage error. */
final class Count implements ITypeConverter<Integer> {
	@Override
	public Integer convert(String value) {
		try {
			int n = Integer.parseInt(value.strip());
			if (n >= 0) {
				return n;
			}
		} catch (NumberFormatException e) {
			// told below
		}
		throw new TypeConversionException("needs a non-negative number, not '" + value + "'");
	}
}
