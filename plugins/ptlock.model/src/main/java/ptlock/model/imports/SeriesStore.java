package ptlock.model.imports;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import ptlock.model.series.Series;
import ptlock.model.series.SeriesPackage;

/** XMI persistence of Series models. Saving goes through a temporary file: a failed save leaves nothing behind. */
public final class SeriesStore {
	private final ResourceSet resources = new ResourceSetImpl();

	public SeriesStore() {
		resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
		resources.getPackageRegistry().put(SeriesPackage.eNS_URI, SeriesPackage.eINSTANCE);
	}

	/**
	 * Writes the series to file, through a temporary file in the same folder renamed over it. The errors name the
	 * file asked for (not the temporary one) and say why: a folder, a folder that does not exist or cannot be
	 * written.
	 */
	public void save(Series series, Path file) throws IOException {
		Path abs = file.toAbsolutePath().normalize();
		if (Files.isDirectory(abs) || abs.getParent() == null) {
			throw new FileSystemException(abs.toString(), null, "is a folder: name the .xmi file to write");
		}
		Path dir = abs.getParent();
		if (!Files.isDirectory(dir)) {
			throw new FileSystemException(abs.toString(), null, Files.exists(dir) ? dir + " is not a folder"
					: "the folder " + dir + " does not exist");
		}
		Path tmp;
		try {
			tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
		} catch (FileSystemException e) {
			String why = e instanceof AccessDeniedException ? "permission denied"
					: e.getReason() != null ? e.getReason()
							: e instanceof NoSuchFileException ? "it takes no new files" : e.getClass().getSimpleName();
			throw new FileSystemException(abs.toString(), null, "the folder " + dir + " cannot be written (" + why + ")");
		}
		try {
			Resource r = resources.createResource(URI.createFileURI(tmp.toString()));
			r.getContents().add(series);
			r.save(Map.of());
			Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	public Series load(Path file) throws IOException {
		Resource r = resources.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
		if (r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Series s)) {
			throw new IOException(file + " holds no series");
		}
		return s;
	}
}
