package io.salesdw.app;

import io.salesdw.semantic.model.ModelSource;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.nio.file.Path;
import java.util.List;

/** The semantic model a command reads: a directory given with --model, else the shipped one. */
final class ModelFiles {
  /** What --model means, for every command's help. */
  static final String MODEL_HELP =
      "Directory of the semantic model's *.yaml files (default: the sales model shipped with"
          + " salesdw).";

  private ModelFiles() {}

  /**
   * The valid manifest.
   *
   * @throws io.salesdw.contracts.SalesdwException listing every issue with file and line
   */
  static SemanticManifest load(Path directory) {
    return directory == null
        ? SemanticManifestLoader.loadShipped()
        : SemanticManifestLoader.load(directory);
  }

  /** The model's files, unchecked. */
  static List<ModelSource> sources(Path directory) {
    return directory == null
        ? SemanticManifestLoader.shippedSources()
        : SemanticManifestLoader.sources(directory);
  }

  /** How the model is named in messages. */
  static String describe(Path directory) {
    return directory == null ? "the shipped sales model" : directory.toString();
  }
}
