"""Request handlers: one module per area, each an ``APIRouter`` of pages and their JSON twins."""
