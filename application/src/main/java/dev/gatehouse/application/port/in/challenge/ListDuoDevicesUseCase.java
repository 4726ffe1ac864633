package dev.gatehouse.application.port.in.challenge;

/** Lists a member's Duo devices (the seed's Settings window). */
public interface ListDuoDevicesUseCase {
  DeviceListResult list(ListDuoDevicesQuery query);
}
