package dev.gatehouse.adapter.duo;

/** The account logo from {@code /auth/v2/logo}: its content type and bytes. */
record DuoLogo(String contentType, byte[] bytes) {
  DuoLogo {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "DuoLogo[" + contentType + ", " + bytes.length + " bytes]";
  }
}
