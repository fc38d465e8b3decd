"""The interactive API documentation (Swagger UI, ReDoc), served without any CDN."""
