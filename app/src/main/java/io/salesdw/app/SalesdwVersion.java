package io.salesdw.app;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code salesdw --version}, from the jar's manifest. */
final class SalesdwVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = SalesdwCommand.class.getPackage().getImplementationVersion();
    return new String[] {"salesdw " + (version == null ? "development build" : version)};
  }
}
