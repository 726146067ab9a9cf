/** Visitor locations used by the seed (LiveChat `last_visit.geolocation`). */
import type { Geolocation } from '../wire';

const place = (
  country: string,
  country_code: string,
  region: string,
  city: string,
  timezone: string,
  latitude: string,
  longitude: string,
): Geolocation => ({ country, country_code, region, city, timezone, latitude, longitude });

export const places = {
  sanFrancisco: place(
    'United States',
    'US',
    'California',
    'San Francisco',
    'America/Los_Angeles',
    '37.77',
    '-122.42',
  ),
  madrid: place('Spain', 'ES', 'Madrid', 'Madrid', 'Europe/Madrid', '40.42', '-3.70'),
  berlin: place('Germany', 'DE', 'Berlin', 'Berlin', 'Europe/Berlin', '52.52', '13.40'),
  tokyo: place('Japan', 'JP', 'Tokyo', 'Tokyo', 'Asia/Tokyo', '35.69', '139.69'),
  wroclaw: place('Poland', 'PL', 'Dolnoslaskie', 'Wrocław', 'Europe/Warsaw', '51.11', '17.03'),
  paris: place('France', 'FR', 'Île-de-France', 'Paris', 'Europe/Paris', '48.86', '2.35'),
  copenhagen: place('Denmark', 'DK', 'Capital Region', 'København', 'Europe/Copenhagen', '55.68', '12.57'),
  beijing: place('China', 'CN', 'Beijing', 'Beijing', 'Asia/Shanghai', '39.90', '116.40'),
  mexicoCity: place(
    'Mexico',
    'MX',
    'Ciudad de México',
    'Ciudad de México',
    'America/Mexico_City',
    '19.43',
    '-99.13',
  ),
  mumbai: place('India', 'IN', 'Maharashtra', 'Mumbai', 'Asia/Kolkata', '19.08', '72.88'),
  cairo: place('Egypt', 'EG', 'Cairo', 'Cairo', 'Africa/Cairo', '30.04', '31.24'),
  dublin: place('Ireland', 'IE', 'Leinster', 'Dublin', 'Europe/Dublin', '53.35', '-6.26'),
  saoPaulo: place('Brazil', 'BR', 'São Paulo', 'São Paulo', 'America/Sao_Paulo', '-23.55', '-46.63'),
  london: place('United Kingdom', 'GB', 'England', 'London', 'Europe/London', '51.51', '-0.13'),
};
