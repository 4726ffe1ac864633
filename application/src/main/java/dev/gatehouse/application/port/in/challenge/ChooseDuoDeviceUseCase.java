package dev.gatehouse.application.port.in.challenge;

/** Chooses a device and method and starts the verifying first authentication (Use this device, Save). */
public interface ChooseDuoDeviceUseCase {
  ChooseDuoDeviceResult choose(ChooseDuoDeviceCommand command);
}
