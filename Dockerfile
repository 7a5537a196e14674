# Only for hosting the dashboard as a Hugging Face Docker Space (Streamlit on port 8501).
# Nothing else in this project needs Docker.
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt constraints.txt ./
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt
COPY . .
ENV PYTHONPATH=/app
EXPOSE 8501
CMD ["streamlit", "run", "dashboard/app.py", "--server.port=8501", "--server.address=0.0.0.0", "--server.headless=true"]
