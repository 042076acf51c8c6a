package ptlock.model.imports;

import java.io.IOException;
import java.nio.file.Files;
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

	public void save(Series series, Path file) throws IOException {
		Path abs = file.toAbsolutePath();
		Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
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
