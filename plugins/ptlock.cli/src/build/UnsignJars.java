import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of ptlock.cli (run by the java source launcher, see the pom's "aot" profile): removes the signature
 * files from the signed jars of target/lib (EMF, Equinox, Xtext ... are signed on Maven Central). The JVM leaves
 * classes of signed jars out of its AOT cache, and those are most of what the command line loads at start. Nothing
 * on the command line's class path checks signatures. A jar without signature files is left untouched, so that
 * running this again changes no file (the AOT cache checks the jars' modification times).
 */
public final class UnsignJars {
	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		int n = 0;
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
			for (Path jar : jars) {
				if (unsign(jar)) {
					n++;
				}
			}
		}
		if (n > 0 && System.getenv("PTLOCK_BUILD_VERBOSE") != null) {
			System.out.println("UnsignJars: " + n + " signed jar(s) in " + dir + " written without their signature");
		}
	}

	private static boolean signature(String name) {
		String upper = name.toUpperCase(java.util.Locale.ROOT);
		return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
				&& (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
	}

	private static boolean unsign(Path jar) throws IOException {
		try (ZipFile z = new ZipFile(jar.toFile())) {
			if (z.stream().noneMatch(e -> signature(e.getName()))) {
				return false;
			}
			Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
			try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(os)) {
				for (ZipEntry e : java.util.Collections.list(z.entries())) {
					if (signature(e.getName())) {
						continue;
					}
					ZipEntry copy = new ZipEntry(e.getName());
					copy.setTime(e.getTime());
					out.putNextEntry(copy);
					try (InputStream in = z.getInputStream(e)) {
						in.transferTo(out);
					}
					out.closeEntry();
				}
			}
			Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
	}
}
